import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { fieldError, type PointDraft } from '../draft';
import { HoursEditor } from './HoursEditor';
import { PauseEditor } from './PauseEditor';
import { PositionField } from './PositionField';
import { ServicesEditor } from './ServicesEditor';
import { TextField } from './TextField';

interface PointFormProps {
  draft: PointDraft;
  onChange: (draft: PointDraft) => void;
  /** Field path → Chinese message, from the server's 400 or the form's own check. */
  fields?: Record<string, string>;
  /** The whole form's message (network, 403 …), shown above the button. */
  message?: string;
  submitting: boolean;
  submitText: string;
  onSubmit: () => void;
}

/** A service point's details as staff edit them (编辑服务点 and 新增服务点 share it). */
export function PointForm({ draft, onChange, fields, message, submitting, submitText, onSubmit }: PointFormProps) {
  const set = (patch: Partial<PointDraft>) => onChange({ ...draft, ...patch });
  return (
    <View className='card' id='point-form'>
      <TextField id='edit-name' label='名称' value={draft.name} maxlength={60} error={fieldError(fields, 'name')} onChange={(name) => set({ name })} />
      <TextField id='edit-phone' label='电话（如 0439-5384293）' type='text' value={draft.phone} maxlength={20} error={fieldError(fields, 'phone')} onChange={(phone) => set({ phone })} />
      <TextField id='edit-address' label='地址' value={draft.address} maxlength={100} error={fieldError(fields, 'address')} onChange={(address) => set({ address })} />
      <PositionField lat={draft.lat} lng={draft.lng} error={fieldError(fields, 'lat') ?? fieldError(fields, 'lng')} onChange={(lat, lng) => set({ lat, lng })} />
      <HoursEditor hours={draft.hours} fields={fields} onChange={(hours) => set({ hours })} />
      <PauseEditor on={draft.pauseOn} pause={draft.pause} fields={fields} onChange={(pauseOn, pause) => set({ pauseOn, pause })} />
      <ServicesEditor services={draft.services} fields={fields} onChange={(services) => set({ services })} />
      <TextField
        id='edit-accessibility'
        label='无障碍和适老设施（用“、”隔开，如 无障碍坡道、适老扶手）'
        value={draft.accessibility}
        error={fieldError(fields, 'accessibility')}
        onChange={(accessibility) => set({ accessibility })}
      />
      <TextField id='edit-description' label='简介（可不填）' multiline maxlength={500} value={draft.description} error={fieldError(fields, 'description')} onChange={(description) => set({ description })} />
      {message ? (
        <View className='field__error' role='alert' id='edit-failure'>
          {message}
        </View>
      ) : null}
      <Button id='edit-save' className='big-button field' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={onSubmit}>
        {submitText}
      </Button>
    </View>
  );
}
