import { useFormContext } from 'react-hook-form';
import { useLang } from '../lib/i18n';
import { TextInput } from '../ui';
import type { FormValues } from './file-form';
import { filled, upperCased } from './file-form';
import { FormField } from './form-field';
import { HintedCheck } from './hinted-check';

/**
 * The card about the consumer: name, mobile, address (a complaint must give it; a report may not),
 * ID number and email, who may see them, and the two consents (to be contacted by the business,
 * complaints only; to publish the complaint without personal details).
 */
export function ConsumerFields({ isReport }: { isReport: boolean }) {
  const { t } = useLang();
  const { register } = useFormContext<FormValues>();
  return (
    <>
      <div className="ui-row">
        <FormField name="consumer.name" label={t('姓名', 'Name')} required>
          <TextInput
            maxLength={50}
            autoComplete="name"
            {...register('consumer.name', { validate: filled(t('请填写姓名', 'Enter your name')) })}
          />
        </FormField>
        <FormField
          name="consumer.phone"
          label={t('手机号码', 'Mobile phone')}
          hint={t('用于接收受理和办理进度短信', 'For text messages about the case')}
          required
        >
          <TextInput
            type="tel"
            inputMode="tel"
            maxLength={20}
            autoComplete="tel"
            placeholder="138 0000 0000"
            {...register('consumer.phone', { validate: filled(t('请填写手机号码', 'Enter your mobile number')) })}
          />
        </FormField>
      </div>
      <FormField
        name="consumer.address"
        label={isReport ? t('通讯地址（选填）', 'Postal address (optional)') : t('通讯地址', 'Postal address')}
        required={!isReport}
      >
        <TextInput
          maxLength={200}
          autoComplete="street-address"
          placeholder={t('如：东昌府区柳园街道某小区 1 号楼', 'e.g. Building 1, Some Estate, Liuyuan Street')}
          {...register('consumer.address', {
            validate: (v, all) => all.kind === 'report' || !!v.trim() || t('投诉须提供通讯地址', 'A complaint needs your postal address'),
          })}
        />
      </FormField>
      <div className="ui-row">
        <FormField name="consumer.idNumber" label={t('身份证号（选填）', 'ID number (optional)')}>
          <TextInput
            maxLength={18}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            {...upperCased(register('consumer.idNumber'))}
          />
        </FormField>
        <FormField
          name="consumer.email"
          label={t('电子邮箱（选填）', 'Email (optional)')}
          hint={t('填写后也会通过邮件通知办理进度', 'Progress is also sent to it')}
        >
          <TextInput type="email" maxLength={254} autoComplete="email" {...register('consumer.email')} />
        </FormField>
      </div>
      <p className="ui-hint">
        {t(
          '您的电话、地址、身份证号加密保存，只有承办单位的工作人员可以查看，每次查看都有记录；举报人身份和举报情况不会告知被举报人。',
          "Your phone, address and ID number are stored encrypted and seen only by the staff handling your case, and every view is logged; a reporter's identity is never told to the business.",
        )}
      </p>
      {!isReport && (
        <HintedCheck
          {...register('contactByBusiness')}
          data-testid="contact-by-business"
          hint={t(
            '不同意也不影响办理：经营者只能看到您的姓氏（如“张*”），通过本平台答复您。',
            'Saying no does not affect how it is handled: the business sees only your family name and answers you here.',
          )}
        >
          {t('同意被投诉经营者查看我的电话和地址以便联系我', 'Let the business complained about see my phone and address to contact me')}
        </HintedCheck>
      )}
      <HintedCheck
        {...register('consentToPublish')}
        hint={t(
          '公示只包括经营者名称、消费类别、问题类型、日期和处理结果，绝不公开您的姓名、电话、地址等个人信息。不同意也不影响办理。',
          'Only the business, the category, the kind of problem, the dates and the outcome are published: never your name, phone or address. Saying no does not affect how it is handled.',
        )}
      >
        {t('同意在“消费投诉信息公示”中公开本件投诉', 'Publish this complaint in the public complaint register')}
      </HintedCheck>
    </>
  );
}
