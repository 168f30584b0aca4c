import Taro from '@tarojs/taro';
import { api, apiBaseUrl } from './api/client';
import { useSession } from './stores/session';

/**
 * A CSV the server makes (an export for a report): the browser saves it; on weapp it is downloaded and shared,
 * because WeChat opens no CSV itself — the worker sends it to a chat (文件传输助手) and opens it on a computer.
 */
export async function downloadCsv(path: string, params: Record<string, string>, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const { data } = await api.get<Blob>(path, { params, responseType: 'blob' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data);
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
    return;
  }
  const token = useSession.getState().token;
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  const { tempFilePath, statusCode } = await Taro.downloadFile({
    url: `${apiBaseUrl()}${path}?${query}`,
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (statusCode !== 200) throw new Error('导出失败，请稍后重试');
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName });
}
