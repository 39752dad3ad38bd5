/** The polling endpoints of the gateway. There is no search endpoint: the server has nothing to search. */
export const POLL_PATH = '/v1/poll';
export const SEND_PATH = '/v1/messages';
export const BYE_PATH = '/v1/bye';
/** How long past the expected answer a client waits before it gives a poll up for lost. */
export const POLL_SLACK_MS = 15_000;
