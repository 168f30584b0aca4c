import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure.js';

/**
 * NutUI icons render an `<i>`; mini-programs have no such tag (Taro draws only its own components there), so
 * they use `view`. Each icon is an SVG mask coloured by `currentColor`; size comes from `.nut-icon` in app.scss.
 * Imported for that effect by every module that draws icons; apart from icons.tsx's map, so that a page loads only
 * the icons it draws (each is 2–4 KB of base64 that hardly compresses).
 */
configure({ tag: process.env.TARO_ENV === 'h5' ? 'i' : 'view' });
