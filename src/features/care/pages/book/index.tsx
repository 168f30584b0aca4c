import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { toApiFailure } from '@/lib/api/failure';
import { FAMILY_PATH, bookingDetailUrl } from '@/lib/carePaths';
import { chinaDate } from '@/lib/date';
import { SERVICES_PATH, currentPath, goToLogin, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ChooseStep } from '../../components/ChooseStep';
import { ConfirmStep } from '../../components/ConfirmStep';
import { PriceLine } from '../../components/PriceLine';
import { bookingBody, useBookingDraft } from '../../draft';
import { askForBookingUpdates } from '../../subscribe';
import { type Refusal, refusalOf, submitBooking } from '../../submit';
import { isCareGroup, useBookableElders, useCareServices, useElderAddress, useQuote, useSlots } from '../../useBookingData';
import '../../care.scss';

const HEADINGS = { meal: '助餐预约', bath: '助浴预约', home: '上门服务预约' } as const;

/** What is still missing before 下一步, in words (the button is never silently disabled). */
function missingChoice(draft: { elderId: number | null; serviceId: string | null; slotId: string | null }): string | null {
  if (!draft.elderId) return '请先选择为谁预约';
  if (!draft.serviceId) return '请先选择服务';
  if (!draft.slotId) return '请先选择时段';
  return null;
}

/**
 * Booking: for whom, which service, date, slot, 堂食/送餐 and notes, with the price after subsidy — then a
 * confirmation step, then the booking's own page as the result. The draft survives a failed submit.
 */
export default function BookPage() {
  const params = useRouter().params;
  const group = isCareGroup(params.group) ? params.group : undefined;
  const point = params.point || undefined;
  const wantedElder = Number(params.elder) || null;
  const signedIn = useSession((s) => s.user !== null);
  const draft = useBookingDraft();
  const { choose } = draft;
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => useBookingDraft.getState().start(`${group ?? ''}|${point ?? ''}`), [group, point]);

  const elders = useBookableElders(signedIn);
  const services = useCareServices(group, point, signedIn);
  const service = services.data?.find((s) => s.id === draft.serviceId);
  const today = chinaDate();
  const slots = useSlots(service ? draft.serviceId : null, draft.date, today);
  const slot = slots.data?.items.find((s) => s.id === draft.slotId);
  const needsAddress = (service?.kind === 'meal' && draft.mealMode === 'delivery') || service?.place === 'home';
  const address = useElderAddress(draft.elderId, needsAddress);
  const quote = useQuote(draft, service);

  // One elder or one service: chosen already (an elder booking for herself taps only what matters).
  useEffect(() => {
    const list = elders.data;
    if (!list || list.some((e) => e.id === draft.elderId)) return;
    const wanted = list.find((e) => e.id === wantedElder);
    choose({ elderId: wanted ? wanted.id : list.length === 1 ? list[0].id : null });
  }, [elders.data, draft.elderId, wantedElder, choose]);
  useEffect(() => {
    const list = services.data;
    if (list?.length === 1 && !draft.serviceId) choose({ serviceId: list[0].id, mealMode: list[0].kind === 'meal' ? 'dine-in' : null });
  }, [services.data, draft.serviceId, choose]);

  // The first day with places: the page moves on from a full or closed day by itself until the user picks one.
  useEffect(() => {
    const list = slots.data;
    if (!list || slots.loading || list.service.id !== draft.serviceId) return;
    if (draft.date === null) {
      useBookingDraft.setState({ date: list.date });
      return;
    }
    if (!draft.dateIsAuto || list.date !== draft.date || list.items.some((s) => s.bookable)) return;
    const next = list.dates.find((d) => d > list.date);
    if (next) useBookingDraft.setState({ date: next, slotId: null });
  }, [slots.data, slots.loading, draft.date, draft.dateIsAuto, draft.serviceId]);

  const confirm = async () => {
    const body = bookingBody(draft, service);
    if (!body) return;
    setSubmitting(true);
    setRefusal(null);
    await askForBookingUpdates();
    try {
      const booking = await submitBooking(body);
      await openPath(`${bookingDetailUrl(booking.id)}&booked=1`, 'replace');
    } catch (error) {
      setRefusal(refusalOf(toApiFailure(error)));
    } finally {
      setSubmitting(false);
    }
  };

  const onRefusalAction = (r: Refusal) => {
    setRefusal(null);
    if (r.action === 'retry') void confirm();
    else if (r.action === 'change-slot') {
      choose({ slotId: null });
      slots.reload();
    } else if (r.action === 'change-elder') {
      choose({ elderId: null });
      elders.reload();
    } else draft.setStep('choose');
  };

  const next = () => {
    const missing = missingChoice(draft);
    if (missing || quote.data?.refusal) {
      void Taro.showToast({ title: missing ?? quote.data?.refusal ?? '', icon: 'none' });
      return;
    }
    setRefusal(null);
    draft.setStep('confirm');
  };

  const heading = <View className='text-heading book__heading'>{group ? HEADINGS[group] : '预约服务'}</View>;
  let body;
  if (!signedIn) {
    body = <EmptyState title='预约需要先登录' description='登录后可以为自己或绑定的家人预约。' actionText='登录' actionId='book-login' onAction={() => void goToLogin(currentPath())} />;
  } else if ((elders.loading && !elders.data) || (services.loading && !services.data)) {
    body = <LoadingState rows={3} />;
  } else if (elders.failure || services.failure) {
    body = <ErrorState message={(elders.failure ?? services.failure)!.message} onRetry={() => (elders.failure ? elders.reload() : services.reload())} />;
  } else if (elders.data?.length === 0) {
    body = <EmptyState title='还没有可以预约的老人' description='请先建立自己的档案，或绑定要照顾的长辈。' actionText='去绑定家人' actionId='book-family' onAction={() => void openPath(FAMILY_PATH)} />;
  } else if (services.data?.length === 0) {
    body = <EmptyState title='这里暂时没有可以预约的服务' description='可以在“服务”里找找附近的其他服务点。' actionText='去找服务' actionId='book-find' onAction={() => void openPath(SERVICES_PATH)} />;
  } else if (draft.step === 'confirm' && service && slot && elders.data?.some((e) => e.id === draft.elderId)) {
    body = (
      <ConfirmStep
        elder={elders.data.find((e) => e.id === draft.elderId)!}
        service={service}
        slot={slot}
        choices={draft}
        elderAddress={address.data}
        quote={quote.data}
        submitting={submitting}
        refusal={refusal}
        onConfirm={() => void confirm()}
        onRefusalAction={onRefusalAction}
        onBack={() => draft.setStep('choose')}
      />
    );
  } else {
    body = (
      <>
        <ChooseStep elders={elders.data ?? []} services={services.data ?? []} choices={draft} service={service} slots={slots} elderAddress={address.data} choose={choose} />
        <PriceLine quote={quote.data} loading={quote.loading && Boolean(draft.slotId)} failure={quote.failure} onRetry={quote.reload} />
        <View className='book-bar'>
          <Button id='book-next' className='big-button' type='primary' size='large' block onClick={next}>
            下一步：核对预约
          </Button>
        </View>
      </>
    );
  }
  return (
    <PageRoot className='book'>
      <BackLink id='book-back' />
      {heading}
      {body}
    </PageRoot>
  );
}
