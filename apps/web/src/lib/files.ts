/**
 * What a case's files may be, as the API takes them (images or PDF, up to 5, 10 MB each): the
 * consumer's picker and the business portal's upload check the same limits before sending.
 */
export const MAX_FILES = 5;
export const MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'];
