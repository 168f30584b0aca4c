import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { TextField } from './TextField';

interface PositionFieldProps {
  lat: string;
  lng: string;
  onChange: (lat: string, lng: string) => void;
  error?: string;
}

/** WeChat picks the position on its own map; the browser has no map here, so the numbers are kept (or typed) and said so. */
export function PositionField({ lat, lng, onChange, error }: PositionFieldProps) {
  const choose = () =>
    Taro.chooseLocation({ latitude: Number(lat) || undefined, longitude: Number(lng) || undefined }).then(
      (place) => onChange(place.latitude.toFixed(6), place.longitude.toFixed(6)),
      () => undefined, // Cancelled: the position stays as it was.
    );
  return (
    <View className='field' id='edit-position'>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <TextField id='edit-lat' label='位置：纬度' type='digit' value={lat} maxlength={12} error={error} onChange={(value) => onChange(value, lng)} />
          <TextField id='edit-lng' label='位置：经度' type='digit' value={lng} maxlength={12} onChange={(value) => onChange(lat, value)} />
          <View className='text-secondary' id='edit-position-note'>
            网页版不能在地图上选位置：位置保持不变；要调整，请在微信小程序里点“在地图上选位置”。
          </View>
        </>
      ) : (
        <>
          <View className='field__label'>位置</View>
          <View className='text-secondary'>{lat && lng ? `纬度 ${lat}，经度 ${lng}` : '还没有选位置'}</View>
          {typeof Taro.chooseLocation === 'function' ? (
            <Button id='edit-choose-location' className='big-button' size='large' block onClick={() => void choose()}>
              在地图上选位置
            </Button>
          ) : null}
          {error ? <View className='field__error'>{error}</View> : null}
        </>
      )}
    </View>
  );
}
