/**
 * The admin token every test server starts with (BROWNPAPER_ADMIN_TOKEN, P3),
 * so that tests of other features use the API and the websocket as automation
 * does, without weakening the policy. Tests of access control pass their own
 * credentials (or `authorization: ''` / `token: null` for none).
 */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'
