/**
 * The embed's entry (embed.html): `embed-start` checks the link and starts the engine worker,
 * then `embed-boot` opens the run and renders it.
 */
import './embed-start';
import { boot } from './embed-boot';

void boot();
