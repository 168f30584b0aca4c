/**
 * The check a comment passes before the public sees it (DOMAIN §2). With WeChat credentials configured, WeChat's
 * msgSecCheck decides; otherwise, or when WeChat cannot be reached, the local word list in
 * config/domain/ratings-words.json does. A refused comment is not lost: it is kept, shown to the rater only,
 * with the reason (the level and tags still count).
 */
import type { FastifyInstance } from 'fastify';
import wordList from '../../../config/domain/ratings-words.json';
import { callWechat, wechatConfigured } from '../../lib/wechat-api';

export interface CommentVerdict {
  status: 'none' | 'public' | 'private';
  /** Said to the rater when the comment is kept private. */
  note: string | null;
}

/** WeChat's errcode for "this content is risky". */
const WECHAT_RISKY = 87014;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, '');
const blockedWords = wordList.words.map(normalise);

/** The first listed word the text contains (case and spaces ignored), or null. */
export function blockedWordIn(text: string): string | null {
  const plain = normalise(text);
  return blockedWords.find((word) => plain.includes(word)) ?? null;
}

const REFUSED_LOCALLY = '您的文字评价含有不宜公开的词语，只有您自己能看到；评分和标签照常计入';
const REFUSED_BY_WECHAT = '您的文字评价未通过微信的内容安全检查，只有您自己能看到；评分和标签照常计入';

export async function checkComment(app: FastifyInstance, comment: string | undefined): Promise<CommentVerdict> {
  if (!comment) return { status: 'none', note: null };
  if (wechatConfigured(app.config.wechat)) {
    try {
      // Version 1 of msgSecCheck: version 2 needs the user's openid, which this app never stores (only its keyed hash).
      const answer = await callWechat(app.config, '/wxa/msg_sec_check', { content: comment });
      if (answer.errcode === 0 || answer.errcode === undefined) return { status: 'public', note: null };
      if (answer.errcode === WECHAT_RISKY) return { status: 'private', note: REFUSED_BY_WECHAT };
      app.log.warn({ errcode: answer.errcode }, 'msgSecCheck refused the call: using the local word list');
    } catch {
      app.log.warn('msgSecCheck unreachable: using the local word list');
    }
  }
  return blockedWordIn(comment) ? { status: 'private', note: REFUSED_LOCALLY } : { status: 'public', note: null };
}
