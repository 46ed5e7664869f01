/**
 * The board picture against a real server: upload checks (type, size), the
 * verslag html and docx include it, a vaststelling freezes it, and a bad
 * upload loses nothing.
 */
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { verslagSchema } from '../../shared/verslag/schema'
import { MAX_PICTURE_BYTES, pictureUploadResponseSchema } from '../../shared/verslag/versions'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { tinyPng } from '../helpers/tinyPng'

describe('HTTP API: board picture', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }
  const get = (p: string) => fetch(`${server.url}${p}`, { headers: auth })
  const put = (id: string, body: string | Uint8Array, type: string) =>
    fetch(`${server.url}/api/sessions/${id}/picture`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })

  it('[V17] a PNG upload is stored, served same-origin, referenced by the verslag and embedded in html and docx', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const png = tinyPng(8, 6)
    const res = await put(session.id, png, 'image/png')
    expect(res.status).toBe(200)
    const uploaded = pictureUploadResponseSchema.parse(await res.json())
    expect(uploaded).toMatchObject({ contentType: 'image/png', bytes: png.length, width: 8, height: 6 })
    expect(uploaded.url).toMatch(new RegExp(`^/api/sessions/${session.id}/picture\\?v=[0-9a-f]{16}$`))

    const served = await get(uploaded.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

    const model = verslagSchema.parse(await (await get(`/api/sessions/${session.id}/verslag.json`)).json())
    expect(model.boardPicture).toMatchObject({ url: uploaded.url, width: 8, height: 6 })
    const html = await (await get(`/api/sessions/${session.id}/verslag.html`)).text()
    expect(html).toContain(`<img src="${uploaded.url.replace('&', '&amp;')}"`)
    const docx = Buffer.from(await (await get(`/api/sessions/${session.id}/verslag.docx`)).arrayBuffer())
    const media = Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect(Buffer.from(media[0]![1]).equals(png)).toBe(true)
  })

  it('[V17][V15] a vaststelling freezes the picture: a later upload changes the live one, not the version', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const before = tinyPng(4, 4, [255, 0, 0])
    await put(session.id, before, 'image/png')
    expect((await server.api('POST', `/api/sessions/${session.id}/vaststellen`)).status).toBe(201)
    const after = tinyPng(5, 5, [0, 0, 255])
    expect((await put(session.id, after, 'image/png')).status).toBe(200)

    const frozen = verslagSchema.parse(await (await get(`/api/sessions/${session.id}/versions/1/verslag.json`)).json())
    expect(frozen.boardPicture?.url).toBe(`/api/sessions/${session.id}/versions/1/picture`)
    expect(Buffer.from(await (await get(frozen.boardPicture!.url)).arrayBuffer()).equals(before)).toBe(true)
    expect(Buffer.from(await (await get(`/api/sessions/${session.id}/picture`)).arrayBuffer()).equals(after)).toBe(true)
    const docx = Buffer.from(await (await get(`/api/sessions/${session.id}/versions/1/verslag.docx`)).arrayBuffer())
    const media = Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith('word/media/'))
    expect(Buffer.from(media[0]![1]).equals(before)).toBe(true)
  })

  it('[V17] an SVG upload is accepted and served with a policy that runs nothing', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    const res = await put(session.id, svg, 'image/svg+xml')
    expect(res.status).toBe(200)
    const served = await get(`/api/sessions/${session.id}/picture`)
    expect(served.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/)
    expect(await served.text()).toBe(svg)
  })

  it('[V17][P15] a wrong type, a fake PNG, an empty or an oversized body is refused with JSON and the stored picture stays', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const good = tinyPng(3, 3)
    await put(session.id, good, 'image/png')
    const cases: [string | Uint8Array, string, number, string][] = [
      [good, 'image/jpeg', 400, 'invalid_picture'],
      [good, 'text/html', 400, 'invalid_picture'],
      ['<svg onload=alert(1)>', 'image/png', 400, 'invalid_picture'],
      ['<html><script>alert(1)</script></html>', 'image/svg+xml', 400, 'invalid_picture'],
      [new Uint8Array(0), 'image/png', 400, 'invalid_picture'],
      [Buffer.concat([good, Buffer.alloc(MAX_PICTURE_BYTES)]), 'image/png', 413, 'body_too_large'],
    ]
    for (const [body, type, status, error] of cases) {
      const res = await put(session.id, body, type)
      expect(res.status, `${type}`).toBe(status)
      expect(await res.json()).toMatchObject({ error, message: expect.any(String) })
    }
    expect(Buffer.from(await (await get(`/api/sessions/${session.id}/picture`)).arrayBuffer()).equals(good)).toBe(true)
    const model = verslagSchema.parse(await (await get(`/api/sessions/${session.id}/verslag.json`)).json())
    expect(model.boardPicture?.width).toBe(3)
  })

  it('[V17] a session without a picture answers 404 JSON', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const res = await get(`/api/sessions/${session.id}/picture`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: 'picture_not_found' })
  })
})
