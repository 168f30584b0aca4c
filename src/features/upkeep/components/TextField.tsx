import { Input, Textarea, View } from '@tarojs/components';
import { accessibleName } from '@/lib/ui/a11y';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's or the form's message for this field, shown under it. */
  error?: string;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
}

/** One field per row, label above, its error under it in words (DESIGN.md "Form"). */
export function TextField({ id, label, value, onChange, error, placeholder, multiline, type = 'text', maxlength = 200 }: TextFieldProps) {
  const common = { id, value, placeholder: placeholder ?? label, maxlength, ...accessibleName(label) };
  return (
    <View className='field'>
      <View className='field__label'>{label}</View>
      {multiline ? (
        <Textarea className='field__input field__input--multiline' {...common} onInput={(e) => onChange(e.detail.value)} />
      ) : (
        <Input className='field__input' type={type} {...common} onInput={(e) => onChange(e.detail.value)} />
      )}
      {error ? (
        <View className='field__error' id={`${id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
