import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT'

/**
 * The short link as a QR code, for a room full of phones (SPEC M7). `qrcode`
 * is loaded only when a link is made; the picture is a data: URL (CSP img-src).
 */
export function InviteQr({ url }: { url: string }) {
  const t = useT()
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(url, { margin: 1, width: 220, errorCorrectionLevel: 'M' }))
      .then((data) => live && setSrc(data), () => live && setSrc(null))
    return () => {
      live = false
    }
  }, [url])
  return (
    <figure className="bp-invite__qr">
      {src ? <img src={src} width={220} height={220} alt={t('invite.qrAlt', { url })} /> : <div className="bp-invite__qrholder" aria-hidden="true" />}
      <figcaption>
        {t('invite.short')}{' '}
        <a href={url} className="bp-invite__short">
          {url.replace(/^https?:\/\//, '')}
        </a>
      </figcaption>
    </figure>
  )
}
