/**
 * The version of the privacy notice in force (the notice itself: src/lib/consent/notice.ts). Bump it whenever
 * the notice's substance changes: the server then refuses agreement to any other version, and the app asks
 * everyone again. No zod here: the app's main package imports it.
 */
export const CONSENT_VERSION = '2026-11-28';
