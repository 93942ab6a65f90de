// A community page whose code could not be loaded: said in the page's place, the shell kept, with
// a way to try again (a reload fetches the page's code anew).
import { useTranslation } from '../i18n/useTranslation';
import { Button } from '../ui/Button';

export function PageNotLoaded() {
  const { t } = useTranslation();
  return (
    <section className="lx-ui lx-stack" role="alert" data-testid="page-not-loaded">
      <p className="lx-text">{t('app.pageNotLoaded')}</p>
      <div>
        <Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>
      </div>
    </section>
  );
}
