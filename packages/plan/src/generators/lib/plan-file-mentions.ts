/**
 * The files an achievement's PLAN text names, for the "Files" section of
 * generated SUBPLANs. The pure extraction lives in @nx-plan/core (next to
 * the conflict foresight that compares them); this module keeps the
 * generators' import path.
 */
export { fileMentions } from '@nx-plan/core';
