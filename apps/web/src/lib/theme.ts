/**
 * antd's colours for the staff areas, the same as the public pages' (ui/ui.css). The bureau's red
 * (#b71c1c) marks the brand (the header bar); controls (buttons, focus rings, selected options) are
 * blue, because a red focus ring or a red-bordered choice reads as an error to the person filling in
 * a form, and errors must stay the only red on a form.
 */
/** antd's colorPrimary (ui.css --ui-primary); the staff pages' own CSS reads it as var(--ant-color-primary). */
export const PRIMARY = '#1f5aa6';

/**
 * antd's text greys made dark enough to read (WCAG AA, 4.5:1 on white and on the pages' grey
 * #f5f6f8): its defaults give secondary text 3.4:1 and placeholders 1.8:1, which axe reports as
 * serious on every page. Links are the controls' blue, not antd's lighter one.
 */
export const TEXT_TOKENS = {
  colorTextSecondary: '#4e5969',
  colorTextTertiary: '#5c6773',
  colorTextDescription: '#5c6773',
  colorTextPlaceholder: '#5c6773',
  colorTextQuaternary: '#5c6773',
  colorLink: PRIMARY,
  colorIcon: '#5c6773',
  // Error text and danger buttons: antd's #ff4d4f is 3.3:1 on white.
  colorError: '#c62828',
  // "Processing" tags and info text: antd's #1677ff on its light blue is 3.6:1.
  colorInfo: PRIMARY,
} as const;
