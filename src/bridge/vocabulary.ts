/**
 * The engine's shared vocabulary, for the page: one definition of each (the actor ids, the
 * protocols, the gateway's defaults and ranges), so the UI never keeps a copy that can drift.
 */
export { ACTOR, PHONE_BASE, isPhoneActor, phoneActor, userOfActor } from '../engine/model/actors';
export { PROTOCOLS } from '../engine/model/protocols';
export { LINK_QUALITIES } from '../engine/model/link-quality';
export { DEFAULT_GATEWAY, THRESHOLD_PCT_RANGE } from '../engine/model/gateway-config';
