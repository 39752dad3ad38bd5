/** Where the figures that are not measured by the run come from (FACTS.md, beside DESIGN.md). */
export const SOURCES = {
  httpHeaders:
    'HTTP header sizes: typical request headers 700–800 B, Chromium SPDY whitepaper — FACTS §3.1',
  lte: 'LTE radio power and the 11.6 s tail: Huang et al., MobiSys 2012, via AT&T ARO — FACTS §4.1; the run charges each phone’s radio with that model',
  erlang: 'An Erlang process is 327 words = 2,616 B at spawn (OTP 27 Efficiency Guide) — FACTS §5',
  whatsapp: 'WhatsApp held 2,277,845 connections on one server in Jan 2012 — FACTS §5',
  paging:
    'An idle LTE radio listens for pages every 1.28 s (its DRX cycle), then needs 0.26 s to promote: Huang et al., MobiSys 2012, via AT&T ARO — FACTS §4.1',
  jitter:
    'Backoff with jitter: Marc Brooker, “Exponential Backoff And Jitter”, AWS 2015 — FACTS §6.1',
} as const;
