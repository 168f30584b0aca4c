import { Canvas, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRequest } from '@/lib/useRequest';
import { fetchCertificate } from '../../api';
import { CERTIFICATE_CANVAS_ID, CERTIFICATE_SIZE, certificateLines, saveCertificateImage } from '../../certificate-image';
import '../../volunteers.scss';

/** 志愿服务证明 of one confirmed record: printed from the browser, saved as a picture on weapp. */
export default function CertificatePage() {
  const id = Number(useRouter().params.id);
  const { data, failure, loading, reload } = useRequest(useCallback(() => fetchCertificate(id), [id]));

  const save = async () => {
    if (!data) return;
    if (process.env.TARO_ENV === 'h5') {
      window.print();
      return;
    }
    try {
      await saveCertificateImage(data);
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch {
      await Taro.showModal({ title: '没有保存', content: '请允许保存到相册后再试，或截屏保存。', showCancel: false, confirmText: '知道了' });
    }
  };

  return (
    <PageRoot className='volunteers'>
      <BackLink id='certificate-back' />
      {loading && !data ? <LoadingState rows={4} /> : null}
      {failure ? <ErrorState message={failure.message} onRetry={reload} /> : null}
      {data ? (
        <>
          <View className='vol-certificate' id='certificate'>
            <View className='vol-certificate__title'>志愿服务证明</View>
            {certificateLines(data).map((line) => (
              <View className='vol-row' key={line}>
                {line}
              </View>
            ))}
          </View>
          <Button id='certificate-save' className='big-button vol-actions vol-no-print' type='primary' size='large' block onClick={() => void save()}>
            {process.env.TARO_ENV === 'h5' ? '打印证明' : '保存为图片'}
          </Button>
          {process.env.TARO_ENV === 'h5' ? null : (
            <Canvas canvasId={CERTIFICATE_CANVAS_ID} style={{ position: 'fixed', left: '-9999px', width: `${CERTIFICATE_SIZE.width}px`, height: `${CERTIFICATE_SIZE.height}px` }} />
          )}
        </>
      ) : null}
    </PageRoot>
  );
}
