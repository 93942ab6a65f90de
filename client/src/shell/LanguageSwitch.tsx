import { Segmented } from 'antd';
import { useTranslation } from '../i18n/useTranslation';
import { Language, isLanguage } from '../i18n/i18n';
import { useLanguage } from '../state/useLanguage';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented
      size="small"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={language}
      onChange={(v) => {
        if (isLanguage(v)) setLanguage(v);
      }}
      options={[
        { value: Language.zh, label: '中文' },
        { value: Language.en, label: 'EN' },
      ]}
    />
  );
}
