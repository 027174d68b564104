/** Names under which main saves state for the post step (`core.saveState`; the post reads `STATE_<name>`). */

/** The builder of image-build's own that main made (own-builder.ts), removed by the post step. */
export const OWN_BUILDER_STATE = 'own-builder';
