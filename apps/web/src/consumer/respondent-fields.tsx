import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { isCreditCode } from '../lib/credit-code';
import { useLang } from '../lib/i18n';
import { Select, Switch, TextInput } from '../ui';
import type { Directory } from './directory';
import type { FormValues } from './file-form';
import { filled, upperCased } from './file-form';
import { FormField } from './form-field';

/**
 * The business complained about: name, credit code, area, the venue it sits in (a mall, a scenic
 * spot, a market, a platform: its station may settle the matter on the spot), its address, and for
 * an online seller the platform. A venue decides the area; an area that is not the venue's clears it.
 */
export function RespondentFields({ directory }: { directory: Directory | null }) {
  const { t } = useLang();
  const { register, control, getValues, setValue, clearErrors } = useFormContext<FormValues>();
  const online = useWatch({ control, name: 'respondent.online' });
  const loading = directory ? undefined : t('正在加载…', 'Loading…');
  const venueGroups = (directory?.areas ?? [])
    .map((a) => ({
      label: a.name,
      options: directory!.venues.filter((v) => v.areaCode === a.code).map((v) => ({ value: v.code, label: v.name })),
    }))
    .filter((g) => g.options.length > 0);
  const venueOf = (code: string) => directory?.venues.find((v) => v.code === code);

  return (
    <>
      <FormField
        name="respondent.name"
        label={t('经营者名称', 'Business name')}
        hint={t('营业执照上的名称，或店铺招牌、网店名称', 'As on its business licence, or the shop sign or online shop name')}
        required
      >
        <TextInput
          maxLength={100}
          placeholder={t('如：聊城市某某餐饮有限公司', 'e.g. Weixiangyuan Restaurant')}
          {...register('respondent.name', { validate: filled(t('请填写被投诉经营者名称', 'Enter the business name')) })}
        />
      </FormField>
      <div className="ui-row">
        <FormField name="respondent.areaCode" label={t('所在区县', 'County or district')} required>
          <Controller
            name="respondent.areaCode"
            control={control}
            rules={{ required: t('请选择经营者所在区县', 'Choose the area the business is in') }}
            render={({ field }) => (
              <Select
                {...field}
                placeholder={loading ?? t('请选择', 'Choose')}
                options={directory?.areas.map((a) => ({ value: a.code, label: a.name })) ?? []}
                onChange={(e) => {
                  field.onChange(e);
                  const venue = venueOf(getValues('respondent.venueCode'));
                  if (venue && venue.areaCode !== e.target.value) setValue('respondent.venueCode', '');
                }}
              />
            )}
          />
        </FormField>
        <FormField
          name="respondent.venueCode"
          label={t('所在场所（选填）', 'Venue (optional)')}
          hint={t(
            '经营者在商场、景区、市场或平台内的，请选择，可由场所内的服务站就近处理',
            'If the business is inside a mall, scenic spot, market or platform, choose it: the station there can handle it on the spot',
          )}
        >
          <Controller
            name="respondent.venueCode"
            control={control}
            render={({ field }) => (
              <Select
                {...field}
                placeholder={loading ?? t('不在场所内（不选）', 'None')}
                options={venueGroups}
                onChange={(e) => {
                  field.onChange(e);
                  const venue = venueOf(e.target.value);
                  if (!venue) return;
                  setValue('respondent.areaCode', venue.areaCode);
                  clearErrors('respondent.areaCode');
                }}
              />
            )}
          />
        </FormField>
      </div>
      <FormField name="respondent.address" label={t('经营地址', 'Business address')} required>
        <TextInput
          maxLength={200}
          placeholder={t('如：东昌府区东昌路 88 号', 'e.g. 88 Dongchang Road')}
          {...register('respondent.address', { validate: filled(t('请填写经营者地址', 'Enter the business address')) })}
        />
      </FormField>
      <FormField name="respondent.creditCode" label={t('统一社会信用代码（选填）', 'Unified social credit code (optional)')}>
        <TextInput
          maxLength={18}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={t('18 位，见营业执照或发票；不知道可不填', 'On the licence or invoice; may be empty')}
          {...upperCased(
            register('respondent.creditCode', {
              validate: (v) =>
                !v.trim() ||
                isCreditCode(v.trim().toUpperCase()) ||
                t(
                  '统一社会信用代码无效（应为 18 位且校验码正确）',
                  'Not a valid credit code (18 characters with a correct check character)',
                ),
            }),
          )}
        />
      </FormField>
      <Switch {...register('respondent.online')} id="respondent_online">
        {t('网店或网络平台经营者', 'Online shop or platform')}
      </Switch>
      {online && (
        <FormField name="respondent.platformName" label={t('平台名称', 'Platform name')} required>
          <TextInput
            maxLength={100}
            placeholder={t('如：淘宝、京东、抖音、美团', 'e.g. Taobao, JD, Douyin, Meituan')}
            {...register('respondent.platformName', {
              validate: (v, all) => !all.respondent.online || !!v.trim() || t('请填写购买所在的平台', 'Enter the platform you bought on'),
            })}
          />
        </FormField>
      )}
    </>
  );
}
