import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { bilingual } from './validation';

/** A whole number in [min, max] (query strings converted), with one bilingual message for every way it can be wrong. */
export function WholeNumber(min: number, max: number): PropertyDecorator {
  const text = bilingual(`应为 ${min}–${max} 的整数`, `must be a whole number ${min}–${max}`);
  return applyDecorators(
    Type(() => Number),
    IsInt(text),
    Min(min, text),
    Max(max, text),
  );
}
