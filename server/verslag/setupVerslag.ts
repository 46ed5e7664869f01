/**
 * Everything the verslag adds to the server core: export, import, vaststellen,
 * versions and the board picture routes, and the tracker that dates
 * "Laatst gewijzigd op" after a vaststelling (RoomManager hooks). app.ts calls
 * this once.
 */
import type { RouteModule } from '../app'
import type { Logger } from '../log'
import { getAfsprakenIcsRoute } from '../routes/getAfsprakenIcs'
import { getPictureRoute } from '../routes/getPicture'
import { getVersionPictureRoute } from '../routes/getVersionPicture'
import { getVersionVerslagRoute } from '../routes/getVersionVerslag'
import { getVerslagDocxRoute } from '../routes/getVerslagDocx'
import { getVerslagHtmlRoute } from '../routes/getVerslagHtml'
import { getVerslagJsonRoute } from '../routes/getVerslagJson'
import { getVerslagMarkdownRoute } from '../routes/getVerslagMarkdown'
import { importSessionRoute } from '../routes/importSession'
import { listVersionsRoute } from '../routes/listVersions'
import { putPictureRoute } from '../routes/putPicture'
import { vaststellenRoute } from '../routes/vaststellen'
import type { Storage } from '../storage/Storage'
import { LaatstGewijzigdTracker } from './versions/LaatstGewijzigdTracker'

export interface VerslagSetup {
  laatstGewijzigd: LaatstGewijzigdTracker
  routes: RouteModule[]
}

export function setupVerslag(storage: Storage, log: Logger): VerslagSetup {
  return {
    laatstGewijzigd: new LaatstGewijzigdTracker(storage.versions, log),
    routes: [
      importSessionRoute,
      getVerslagMarkdownRoute,
      getVerslagHtmlRoute,
      getVerslagDocxRoute,
      getVerslagJsonRoute,
      getAfsprakenIcsRoute,
      vaststellenRoute,
      listVersionsRoute,
      getVersionVerslagRoute,
      getVersionPictureRoute,
      putPictureRoute,
      getPictureRoute,
    ],
  }
}
