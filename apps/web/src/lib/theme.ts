/**
 * The colours the pages share. The bureau's red marks the brand (the header bar); controls (buttons,
 * focus rings, selected options) are blue, because a red focus ring or a red-bordered choice reads
 * as an error to the person filling in a form, and errors must stay the only red on a form.
 */
export const BRAND_RED = '#b71c1c';
/** antd's colorPrimary; the pages' own CSS reads it as var(--ant-color-primary). */
export const PRIMARY = '#1f5aa6';
