/**
 * The 志愿服务证明 drawn on a canvas and saved to the phone's album (weapp): WeChat cannot print, and a
 * picture is what people forward to a school or an employer.
 */
import Taro from '@tarojs/taro';
import type { Certificate } from '@contract/volunteers';

export const CERTIFICATE_CANVAS_ID = 'certificate-canvas';
export const CERTIFICATE_SIZE = { width: 600, height: 820 };

export function certificateLines(c: Certificate): string[] {
  return [
    `编号：${c.serialNumber}`,
    `姓名：${c.name}`,
    `证件：${c.idTypeLabel} ${c.maskedIdNumber}`,
    `志愿者编号：${c.nationalVolunteerNumber ?? '未填写'}`,
    `服务日期：${c.serviceDate}`,
    `服务时长：${c.hours} 小时`,
    `服务内容：${c.content}`,
    `出具单位：${c.issuer}`,
    `出具日期：${c.issuedOn}`,
  ];
}

/** Splits a line into pieces that fit the canvas width (about 24 characters at 22 px). */
function wrap(line: string, perLine = 24): string[] {
  const chars = Array.from(line);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out;
}

export async function saveCertificateImage(c: Certificate): Promise<void> {
  const ctx = Taro.createCanvasContext(CERTIFICATE_CANVAS_ID);
  const { width, height } = CERTIFICATE_SIZE;
  ctx.setFillStyle('#FFFFFF');
  ctx.fillRect(0, 0, width, height);
  ctx.setStrokeStyle('#1F2329');
  ctx.strokeRect(16, 16, width - 32, height - 32);
  ctx.setFillStyle('#1F2329');
  ctx.setFontSize(34);
  ctx.setTextAlign('center');
  ctx.fillText('志愿服务证明', width / 2, 90);
  ctx.setTextAlign('left');
  ctx.setFontSize(22);
  let y = 160;
  for (const line of certificateLines(c).flatMap((l) => wrap(l))) {
    ctx.fillText(line, 48, y);
    y += 40;
  }
  await new Promise<void>((resolve) => ctx.draw(false, () => resolve()));
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvasId: CERTIFICATE_CANVAS_ID, width, height });
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}
