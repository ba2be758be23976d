import type { ValidationError } from '@nestjs/common';
import type { Bilingual } from '../i18n/language';
import type { FieldProblem, LocalizedException } from '../i18n/localized.exception';
import { invalid } from '../i18n/localized.exception';

/**
 * Turns class-validator's errors into one bilingual entry per bad field. A decorator may carry its
 * own text as `context: { zh, en }`; otherwise the constraint's generic text is used.
 */
const GENERIC: Record<string, (e: ValidationError) => Bilingual> = {
  whitelistValidation: () => ({ zh: '不允许的字段（请删除）', en: 'unknown field (remove it)' }),
  isDefined: () => ({ zh: '必须填写', en: 'is required' }),
  isNotEmpty: () => ({ zh: '不能为空', en: 'must not be empty' }),
  isString: () => ({ zh: '应为文本', en: 'must be text' }),
  isBoolean: () => ({ zh: '应为 true 或 false', en: 'must be true or false' }),
  isNumber: () => ({ zh: '应为数字', en: 'must be a number' }),
  isInt: () => ({ zh: '应为整数', en: 'must be a whole number' }),
  isObject: () => ({ zh: '应为对象', en: 'must be an object' }),
  nestedValidation: () => ({ zh: '应为对象', en: 'must be an object' }),
  isIn: (e) => ({ zh: `取值无效（${JSON.stringify(e.value)}）`, en: `is not an allowed value (${JSON.stringify(e.value)})` }),
  isEnum: (e) => ({ zh: `取值无效（${JSON.stringify(e.value)}）`, en: `is not an allowed value (${JSON.stringify(e.value)})` }),
};

/** A class-validator option carrying its message in both languages: `@IsString(bilingual('应为文本', 'must be text'))`. */
export const bilingual = (zh: string, en: string) => ({ context: { zh, en } satisfies Bilingual });

/** Texts of custom constraints (registerDecorator does not carry `context` through). */
const CUSTOM = new Map<string, Bilingual>();

export function registerConstraintText(constraint: string, text: Bilingual): void {
  CUSTOM.set(constraint, text);
}

function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const names = Object.keys(e.constraints ?? {});
    // One message per field: a missing value is "required"; otherwise the first constraint declared
    // (type, then range) says the most. class-validator lists them in reverse declaration order, though
    // not reliably for isDefined, which is why it is looked up by name.
    const first = names.includes('isDefined') ? 'isDefined' : names[names.length - 1];
    const own: FieldProblem[] = first
      ? [
          {
            field,
            message: (e.contexts?.[first] as Bilingual | undefined) ??
              CUSTOM.get(first) ??
              GENERIC[first]?.(e) ?? { zh: e.constraints![first], en: e.constraints![first] },
          },
        ]
      : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): LocalizedException {
  return invalid(fieldProblems(errors));
}
