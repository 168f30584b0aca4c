import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Interaction, MyRating } from '@contract/ratings';
import { isBadLevel, levelWords, ratingConfig, tagProblem, tagsFor, type RatingLevel } from '@contract/rules/rating';
import { ratingPagePaths } from '@contract/rules/rating-paths';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { formatDay } from '@/lib/date';
import { goBack, goToLogin, openPath } from '@/lib/navigation';
import { accessibleName } from '@/lib/ui/a11y';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRequest } from '@/lib/useRequest';
import { createRating, declareVisit, fetchLatestVisit } from '../../api';
import { LevelPicker } from '../../components/LevelPicker';
import { TagPicker } from '../../components/TagPicker';
import '../../ratings.scss';

interface Target {
  /** A visit to this point (declared on submit unless one from the last 7 days is still unrated), or a booking. */
  pointId: string | null;
  bookingId: number | null;
  name: string;
}

interface Draft {
  level: RatingLevel | null;
  tags: string[];
  comment: string;
}

/** What the rating hangs on: the booking, the unrated visit of the last 7 days, or a visit declared now. */
async function interactionFor(target: Target): Promise<Interaction> {
  if (target.bookingId) return { kind: 'booking', id: target.bookingId };
  const latest = await fetchLatestVisit(target.pointId!);
  if (latest.visit && latest.visit.ratingId === null && latest.nextAllowedAt) return { kind: 'visit', id: latest.visit.id };
  return { kind: 'visit', id: (await declareVisit(target.pointId!)).id };
}

function Preview({ target, draft, submitting, onSubmit, onEdit }: { target: Target; draft: Draft; submitting: boolean; onSubmit: () => void; onEdit: () => void }) {
  return (
    <View className='card' id='rate-preview'>
      <View className='text-title'>请确认您的评价</View>
      <View className='rate-preview__row'>服务：{target.name}</View>
      <View className={`rate-preview__row level-word level-word--${isBadLevel(draft.level!) ? 'bad' : 'good'}`}>满意程度：{levelWords[draft.level!]}</View>
      {draft.tags.length ? <View className='rate-preview__row'>标签：{draft.tags.join('、')}</View> : null}
      <View className='rate-preview__row'>文字评价：{draft.comment.trim() || '（未填写）'}</View>
      <View className='text-secondary rate-preview__row'>
        提交后不能修改。文字评价会隐去您的姓名公开展示（如“王**”）；只有处理您评价的社区工作人员能看到您的姓名和电话。
      </View>
      <Button id='rate-submit' className='big-button field' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={onSubmit}>
        确认提交
      </Button>
      <Button id='rate-edit' className='big-button field' size='large' block disabled={submitting} onClick={onEdit}>
        返回修改
      </Button>
    </View>
  );
}

function Done({ rating }: { rating: MyRating }) {
  const bad = isBadLevel(rating.level);
  return (
    <View className='card' id='rate-done' role='status'>
      <View className='text-title'>评价已提交，谢谢您</View>
      <View className='rate-preview__row'>
        {bad
          ? `您的评价已转给社区工作人员，他们会在 ${formatDay(`${rating.progress?.feedbackDue ?? ''}T12:00:00+08:00`)} 前把处理结果告诉您。处理进度可以在“我的评价”里查看。`
          : '您的评价会帮助服务点做得更好。'}
      </View>
      {rating.commentNote ? (
        <View className='rate-preview__row field__error' id='rate-comment-note'>
          {rating.commentNote}
        </View>
      ) : null}
      <Button id='rate-mine' className='big-button field' type='primary' size='large' block onClick={() => void openPath(ratingPagePaths.mine, 'replace')}>
        查看我的评价
      </Button>
      <Button id='rate-back' className='big-button field' size='large' block onClick={() => void goBack()}>
        返回
      </Button>
    </View>
  );
}

function RateForm({ target }: { target: Target }) {
  const [draft, setDraft] = useState<Draft>({ level: null, tags: [], comment: '' });
  const [step, setStep] = useState<'form' | 'preview'>('form');
  const [failure, setFailure] = useState<ApiFailure>();
  const [localError, setLocalError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<MyRating>();

  // Tags of the other kind (praise ↔ problem) no longer fit: keep only those the new level offers.
  const chooseLevel = (level: RatingLevel) => setDraft((d) => ({ ...d, level, tags: d.tags.filter((tag) => tagsFor(level).includes(tag)) }));
  const toPreview = () => {
    if (!draft.level) return setLocalError('请先选择满意程度');
    const problem = tagProblem(draft.level, draft.tags);
    if (problem) return setLocalError(problem);
    setLocalError(undefined);
    setStep('preview');
  };
  const submit = async () => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      const interaction = await interactionFor(target);
      setDone(await createRating({ interaction, level: draft.level!, tags: draft.tags, comment: draft.comment.trim() || undefined }));
    } catch (error) {
      setFailure(toApiFailure(error)); // the draft stays as typed
      setStep('form');
    } finally {
      setSubmitting(false);
    }
  };

  if (done) return <Done rating={done} />;
  if (step === 'preview') return <Preview target={target} draft={draft} submitting={submitting} onSubmit={() => void submit()} onEdit={() => setStep('form')} />;
  const max = ratingConfig.commentMaxLength;
  return (
    <View className='card' id='rate-form'>
      <View className='text-title'>{target.name}</View>
      <View className='field__label field'>您对这次服务满意吗？</View>
      <LevelPicker value={draft.level} onChange={chooseLevel} />
      {draft.level ? (
        <TagPicker level={draft.level} value={draft.tags} onChange={(tags) => setDraft((d) => ({ ...d, tags }))} error={failure?.fields?.tags} />
      ) : null}
      <View className='field'>
        <View className='field__label'>想说的话（可不填，最多 {max} 字）</View>
        <Textarea
          id='rate-comment'
          className='field__input field__input--multiline'
          value={draft.comment}
          maxlength={max}
          placeholder='说说您这次办事或接受服务的经过'
          {...accessibleName('想说的话')}
          onInput={(e) => setDraft((d) => ({ ...d, comment: e.detail.value }))}
        />
        <View className='text-secondary'>
          已写 {Array.from(draft.comment).length}/{max} 字
        </View>
        {failure?.fields?.comment ? <View className='field__error'>{failure.fields.comment}</View> : null}
      </View>
      {localError || failure ? (
        <View className='field__error' role='alert' id='rate-failure'>
          {localError ?? failure?.message}
        </View>
      ) : null}
      <Button id='rate-preview-button' className='big-button field' type='primary' size='large' block onClick={toPreview}>
        预览评价
      </Button>
    </View>
  );
}

/** Before the form: a point rated within the last 7 days cannot be rated again yet; say so instead of a form. */
function PointGate({ target }: { target: Target }) {
  const load = useCallback(() => fetchLatestVisit(target.pointId!), [target.pointId]);
  const { data, failure, loading, reload } = useRequest(load);
  if (loading && !data) return <LoadingState rows={3} />;
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (data?.visit?.ratingId && data.nextAllowedAt) {
    return (
      <EmptyState
        title='您最近已经评价过这里了'
        description={`每个服务点 7 天内登记一次到访、评价一次；${formatDay(data.nextAllowedAt)}起可以再次评价。`}
        actionText='查看我的评价'
        actionId='rate-see-mine'
        onAction={() => void openPath(ratingPagePaths.mine)}
      />
    );
  }
  return (
    <>
      <View className='card text-secondary' id='rate-visit-note'>
        {data?.visit && data.visit.ratingId === null && data.nextAllowedAt
          ? `将评价您 ${formatDay(data.visit.visitedAt)} 登记的那次到访。`
          : '提交时会记下您这次到访（每个服务点 7 天内登记一次）。'}
      </View>
      <RateForm target={target} />
    </>
  );
}

/** 评价: rate a visit to a service point (我去过) or a completed 助老预约 — five levels in words, tags, text, preview. */
export default function RatePage() {
  const params = useRouter().params;
  const user = useSession((s) => s.user);
  const bookingId = Number(params.booking);
  const target: Target = {
    pointId: params.point ? decodeURIComponent(params.point) : null,
    bookingId: Number.isInteger(bookingId) && bookingId > 0 ? bookingId : null,
    name: params.name ? decodeURIComponent(params.name) : params.booking ? '这次预约的服务' : '这个服务点',
  };
  let body;
  if (!target.pointId && !target.bookingId) body = <EmptyState title='没有指明要评价哪项服务' description='请从服务点页面的“我去过，评价”进入。' />;
  else if (!user) body = <EmptyState title='评价前请先登录' description='评价实名提交，公开时会隐去您的姓名。' actionText='去登录' actionId='rate-login' onAction={() => void goToLogin()} />;
  else if (user.role !== 'resident') body = <EmptyState title='工作人员账号不能评价' description='请用居民账号登录后评价。' />;
  else body = target.bookingId ? <RateForm target={target} /> : <PointGate target={target} />;
  return (
    <PageRoot className='rate'>
      <BackLink id='rate-back-link' />
      <View className='text-heading rate__heading'>评价服务</View>
      {body}
    </PageRoot>
  );
}
