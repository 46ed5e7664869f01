/**
 * The verslag as an extension: export, import, vaststellen, versions and
 * the board picture routes, their stores (VERSLAG_STORES), and the tracker
 * that dates "Laatst gewijzigd op" after a vaststelling (onLoad, onChange,
 * onUnload). server/app.ts composes it.
 */
import type { Router } from 'express'
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { SessionStore } from '../sessions/SessionStore'
import { getAfsprakenIcsRoute } from './routes/getAfsprakenIcs'
import { getPictureRoute } from './routes/getPicture'
import { getVersionPictureRoute } from './routes/getVersionPicture'
import { getVersionVerslagRoute } from './routes/getVersionVerslag'
import { getVerslagDocxRoute } from './routes/getVerslagDocx'
import { getVerslagHtmlRoute } from './routes/getVerslagHtml'
import { getVerslagJsonRoute } from './routes/getVerslagJson'
import { getVerslagMarkdownRoute } from './routes/getVerslagMarkdown'
import { getVerslagPdfRoute } from './routes/getVerslagPdf'
import { importSessionRoute } from './routes/importSession'
import { listVersionsRoute } from './routes/listVersions'
import { putPictureRoute } from './routes/putPicture'
import { retagSheetRoute } from './routes/retagSheet'
import { vaststellenRoute } from './routes/vaststellen'
import type { VerslagContext } from './VerslagContext'
import type { VerslagStores } from './VerslagStores'
import { VERSLAG_STORES } from './verslagStoreDefinition'
import { LaatstGewijzigdTracker } from './versions/LaatstGewijzigdTracker'

export interface VerslagExtensionOptions {
  backend: Backend
  sessions: SessionStore
  access: Pick<AccessExtension, 'access' | 'authorize'>
}

export interface VerslagExtension extends Extension {
  readonly stores: VerslagStores
}

const VERSLAG_ROUTES: ((router: Router, ctx: VerslagContext) => void)[] = [
  importSessionRoute,
  getVerslagMarkdownRoute,
  getVerslagHtmlRoute,
  getVerslagDocxRoute,
  getVerslagJsonRoute,
  getVerslagPdfRoute,
  getAfsprakenIcsRoute,
  vaststellenRoute,
  listVersionsRoute,
  getVersionVerslagRoute,
  getVersionPictureRoute,
  putPictureRoute,
  getPictureRoute,
  retagSheetRoute,
]

export function verslagExtension(opts: VerslagExtensionOptions): VerslagExtension {
  const stores = opts.backend.stores(VERSLAG_STORES)
  let core: CoreContext | null = null
  let laatstGewijzigd: LaatstGewijzigdTracker | null = null

  return {
    name: 'verslag',
    stores,
    configure(context) {
      core = context
      laatstGewijzigd = new LaatstGewijzigdTracker(stores.versions, context.log)
      laatstGewijzigd.attach(context.rooms)
    },
    routes(router) {
      if (!core) throw new Error('verslag: routes before configure')
      const ctx: VerslagContext = {
        ...core,
        storage: { sessions: opts.sessions, versions: stores.versions, pictures: stores.pictures },
        access: opts.access.access,
        authorize: opts.access.authorize,
      }
      for (const route of VERSLAG_ROUTES) route(router, ctx)
    },
    onLoad(room) {
      laatstGewijzigd?.loaded(room)
    },
    onChange(room) {
      laatstGewijzigd?.changed(room)
    },
    async onUnload(room) {
      laatstGewijzigd?.unloaded(room)
    },
    onStop() {
      laatstGewijzigd?.close()
    },
  }
}
