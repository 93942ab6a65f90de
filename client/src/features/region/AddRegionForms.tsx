// The administrator's two forms: a township (county only) and a community in a township.
import { useTranslation } from '../../i18n/useTranslation';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { isCommunityId } from '@lianxin/protocol';
import type { useRegionAdmin } from '../../state/region/useRegionAdmin';

type Admin = ReturnType<typeof useRegionAdmin>;

export function AddRegionForms({ admin, county, townships }: { admin: Admin; county: boolean; townships: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [townshipForm] = Form.useForm<{ id: string; name: string }>();
  const [communityForm] = Form.useForm<{ id: string; name: string; kind: 'urban' | 'village'; township?: string }>();
  const idRules = [
    { required: true, message: t('region.admin.idRequired') },
    { validator: (_: unknown, v: string | undefined) => (!v || isCommunityId(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('region.admin.idInvalid')))) },
  ];
  const nameRules = [{ required: true, whitespace: true, message: t('region.admin.nameRequired') }, { max: 100 }];
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {county ? (
        <Card size="small" title={t('region.admin.addTownship')}>
          <Form
            form={townshipForm}
            layout="vertical"
            data-testid="add-township-form"
            onFinish={async (v) => {
              if (await admin.addTownship({ id: v.id.trim(), name: v.name.trim() })) townshipForm.resetFields();
            }}
          >
            <Space wrap align="start">
              <Form.Item name="name" label={t('region.admin.name')} rules={nameRules}>
                <Input data-testid="township-name" />
              </Form.Item>
              <Form.Item name="id" label={t('region.admin.id')} rules={idRules} extra={t('region.admin.idHelp')}>
                <Input data-testid="township-id" autoCapitalize="none" />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={admin.busy} data-testid="township-submit">
              {t('region.admin.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Card size="small" title={t('region.admin.addCommunity')}>
        <Form
          form={communityForm}
          layout="vertical"
          data-testid="add-community-form"
          initialValues={{ kind: 'urban' }}
          onFinish={async (v) => {
            if (await admin.addCommunity({ id: v.id.trim(), name: v.name.trim(), kind: v.kind, ...(county ? { township: v.township } : {}) })) communityForm.resetFields();
          }}
        >
          <Space wrap align="start">
            {county ? (
              <Form.Item name="township" label={t('region.admin.township')} rules={[{ required: true, message: t('region.admin.townshipRequired') }]}>
                <Select data-testid="community-township" style={{ minWidth: 140 }} options={townships.map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="name" label={t('region.admin.name')} rules={nameRules}>
              <Input data-testid="community-name" />
            </Form.Item>
            <Form.Item name="id" label={t('region.admin.id')} rules={idRules} extra={t('region.admin.idHelp')}>
              <Input data-testid="community-id" autoCapitalize="none" />
            </Form.Item>
            <Form.Item name="kind" label={t('region.admin.kind')}>
              <Select
                data-testid="community-kind"
                style={{ minWidth: 120 }}
                options={[
                  { value: 'urban', label: t('region.admin.kinds.urban') },
                  { value: 'village', label: t('region.admin.kinds.village') },
                ]}
              />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={admin.busy} data-testid="community-submit">
            {t('region.admin.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
