/**
 * The public pages' own small kit: plain elements styled by ui.css, the phone's native pickers, and
 * nothing from a component library, so the consumer pages stay small enough for a cheap phone on a
 * slow network. The staff, business and dashboard areas use antd (see ../lib/antd-area.tsx). Its
 * stylesheet, ui.css, is loaded by main.tsx before the first render, never linked in the head, so it
 * does not hold back the first paint.
 */
export { Button } from './button';
export { ConfirmDialog } from './dialog';
export { Alert, Empty, Skeleton, Tag } from './feedback';
export type { TagColor } from './feedback';
export { Checkbox, DateInput, Field, FieldSet, RadioGroup, Select, Switch, TextArea, TextInput } from './field';
export { Card, Descriptions, Result, Timeline } from './layout';
export type { Item } from './layout';
export { ToastProvider, useToast } from './toast';
