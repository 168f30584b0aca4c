import qrcode from 'qrcode-generator';

/**
 * The check-in text ("ljvol:<activity>:<code>") as rows of dark (true) and light modules, drawn by QrCode as views.
 * qrcode-generator picks the smallest version that holds the text, at error correction level M (a phone held at
 * arm's length in daylight still reads it; H would make the code denser for no gain on a screen).
 */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => code.isDark(row, column)));
}
