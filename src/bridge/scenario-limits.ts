/** The scenario validator's bound on scenario text, for the page's file picker (one constant, the engine's). */
export { MAX_SCENARIO_TEXT_BYTES } from '../engine/model/scenario-text';
