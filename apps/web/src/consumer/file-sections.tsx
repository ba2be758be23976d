import type { ComponentProps } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useLang } from '../lib/i18n';
import { ISSUE_TYPES, issueLabel } from '../lib/issue-types';
import { DateInput, FieldSet, RadioGroup, Select, Switch, TextArea, TextInput } from '../ui';
import type { Directory } from './directory';
import type { FilingKind, FormValues } from './file-form';
import { amountProblem, todayInChina } from './file-form';
import { FormField } from './form-field';
import { KindPicker } from './kind-picker';
import { PathPicker } from './path-picker';
import type { OptionsState } from './settlement';
import { CHANNELS, channelLabel } from './texts';

/** Card 1: complaint or report, the category, the kind of problem, where it was bought, prepaid. */
export function WhatFields({ directory }: { directory: Directory | null }) {
  const { t } = useLang();
  const { register, control, setValue } = useFormContext<FormValues>();
  const categories = (['service', 'goods'] as const).map((group) => ({
    label: group === 'service' ? t('服务类', 'Services') : t('商品类', 'Goods'),
    options: (directory?.categories ?? []).filter((c) => c.group === group).map((c) => ({ value: c.code, label: c.name })),
  }));
  return (
    <>
      <Controller
        name="kind"
        control={control}
        render={({ field }) => (
          <FieldSet legend={t('投诉还是举报', 'Complaint or report')} required>
            <KindPicker value={field.value} onChange={(kind: FilingKind) => field.onChange(kind)} />
          </FieldSet>
        )}
      />
      <div className="ui-row">
        <FormField name="categoryCode" label={t('消费类别', 'Category')} required>
          <Controller
            name="categoryCode"
            control={control}
            rules={{ required: t('请选择消费类别', 'Choose a category') }}
            render={({ field }) => (
              <Select {...field} placeholder={directory ? t('请选择', 'Choose') : t('正在加载…', 'Loading…')} options={categories} />
            )}
          />
        </FormField>
        <FormField name="issueType" label={t('问题类型', 'Kind of problem')}>
          <Select
            placeholder={t('请选择（选填）', 'Choose (optional)')}
            options={ISSUE_TYPES.map((code) => ({ value: code, label: issueLabel(code, t) }))}
            {...register('issueType')}
          />
        </FormField>
      </div>
      <Controller
        name="channel"
        control={control}
        render={({ field }) => (
          <FieldSet legend={t('购买方式', 'Where you bought it')}>
            <RadioGroup
              name="channel"
              look="buttons"
              value={field.value}
              onChange={(channel) => {
                field.onChange(channel);
                setValue('respondent.online', channel !== 'offline'); // bought online: the seller is an online one
              }}
              choices={CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))}
            />
          </FieldSet>
        )}
      />
      <Switch {...register('prepaid')} id="prepaid">
        {t('预付式消费（充值卡、会员卡、课程包等）', 'Prepaid (stored-value or membership card, course package)')}
      </Switch>
    </>
  );
}

/** Card 3 of a complaint: 先行和解 or 直接投诉, with the estimate; `onPick` hears the consumer's own choice. */
export function PathFields({
  options,
  settlementDays,
  onPick,
}: {
  options: OptionsState;
  settlementDays: number | null;
  onPick: () => void;
}) {
  const { t } = useLang();
  const { control } = useFormContext<FormValues>();
  return (
    <Controller
      name="path"
      control={control}
      render={({ field }) => (
        <FieldSet legend={t('处理方式', 'Way of handling')} required>
          <PathPicker
            value={field.value}
            onChange={(path) => {
              onPick();
              field.onChange(path);
            }}
            options={options}
            settlementDays={settlementDays}
          />
        </FieldSet>
      )}
    />
  );
}

/** A text area that shows how much of its length is used (the kit's count), watching only itself. */
function CountedTextArea({ name, ...rest }: ComponentProps<typeof TextArea> & { name: 'description' | 'demand' }) {
  const length = useWatch<FormValues, typeof name>({ name }).length;
  return <TextArea {...rest} name={name} count={length} />;
}

/** The card on what happened: the date (not in the future), the amount, the story and the demand. */
export function StoryFields({ isReport }: { isReport: boolean }) {
  const { t } = useLang();
  const { register } = useFormContext<FormValues>();
  // At least `min` characters of content (surrounding spaces do not count), else the message.
  const enough = (min: number, empty: string, short: string) => (v: string) => (v.trim() ? v.trim().length >= min || short : empty);
  return (
    <>
      <div className="ui-row">
        <FormField name="incidentDate" label={t('消费或事发日期', 'Date of purchase or incident')} required>
          <DateInput
            max={todayInChina()}
            {...register('incidentDate', {
              validate: (v) =>
                !v
                  ? t('请选择日期', 'Choose the date')
                  : !/^\d{4}-\d{2}-\d{2}$/.test(v)
                    ? t('请按 年-月-日 填写日期', 'Enter the date as YYYY-MM-DD')
                    : v <= todayInChina() || t('日期不能晚于今天', 'must not be in the future'),
            })}
          />
        </FormField>
        <FormField name="amount" label={t('涉及金额（选填）', 'Amount involved (optional)')}>
          <div className="amount-input">
            <TextInput
              inputMode="decimal"
              autoComplete="off"
              maxLength={16}
              placeholder="0.00"
              {...register('amount', { validate: (v) => amountProblem(v, t) ?? true })}
            />
            <span className="amount-unit" aria-hidden="true">
              {t('元', 'yuan')}
            </span>
          </div>
        </FormField>
      </div>
      <FormField name="description" label={t('事情经过', 'What happened')} required>
        <CountedTextArea
          maxLength={5000}
          rows={5}
          placeholder={t(
            '何时、何地、买了什么，出了什么问题，与商家协商的情况……',
            'When and where, what you bought, what went wrong, what the business said…',
          )}
          {...register('description', {
            validate: enough(5, t('请描述事情经过', 'Describe what happened'), t('请至少写 5 个字', 'Write at least 5 characters')),
          })}
        />
      </FormField>
      <FormField
        name="demand"
        label={isReport ? t('希望监管部门查处什么', 'What the regulator should look into') : t('您的诉求', 'What you want')}
        required
      >
        <CountedTextArea
          maxLength={1000}
          rows={3}
          placeholder={
            isReport
              ? t('如：请求依法查处虚假宣传行为', 'e.g. investigate the false advertising')
              : t('如：退款 268.50 元并赔偿', 'e.g. a refund of 268.50 yuan')
          }
          {...register('demand', {
            validate: enough(2, t('请填写诉求', 'Say what you want'), t('请至少写 2 个字', 'Write at least 2 characters')),
          })}
        />
      </FormField>
    </>
  );
}
