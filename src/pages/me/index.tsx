import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { User } from '@contract/auth';
import { useUnreadCount } from '@/features/messages/useUnreadCount';
import { signOutOnServer } from '@/lib/api/endpoints';
import { FAMILY_PATH, MESSAGES_PATH, MY_BOOKINGS_PATH, PROVIDER_BOOKINGS_PATH, VISITS_PATH } from '@/lib/carePaths';
import { ME_PATH, PERSONAL_DATA_PATH, PRIVACY_PATH, SETTINGS_PATH, goToLogin, openPath } from '@/lib/navigation';
import { PLANNING_PATH, seesPlanning } from '@/lib/planningPaths';
import { roleLabel } from '@/lib/roles';
import { useSession } from '@/lib/stores/session';
import { UPKEEP_PATHS } from '@/lib/upkeepPaths';
import { MY_VOLUNTEERING_PATH, VOLUNTEER_MANAGE_PATH } from '@/lib/volunteerPaths';
import { ratingPagePaths } from '@contract/rules/rating-paths';
import { PageRoot } from '@/lib/ui/PageRoot';
import './index.scss';

async function signOut(): Promise<void> {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后，预约和评价需要重新登录。', confirmText: '退出', cancelText: '取消' });
  if (!confirm) return;
  try {
    await signOutOnServer();
  } catch {
    // Offline: the token still expires on its own; forgetting it here is what the user asked for.
  }
  useSession.getState().clear();
  void Taro.showToast({ title: '已退出登录', icon: 'none' });
}

/** 我的预约, 家人 and 消息 (with the unread count as a number, not a dot alone); staff see their own work too. */
function CareLinks({ role }: { role: User['role'] }) {
  const unread = useUnreadCount();
  return (
    <View className='card me__links' id='me-care-links'>
      {role === 'provider' ? (
        <View id='me-provider' className='me__link' role='button' onClick={() => openPath(PROVIDER_BOOKINGS_PATH)}>
          服务点预约（今天和接下来几天）
        </View>
      ) : null}
      {role === 'worker' ? (
        <View id='me-visits' className='me__link' role='button' onClick={() => openPath(VISITS_PATH)}>
          月探访
        </View>
      ) : null}
      <View id='me-bookings' className='me__link' role='button' onClick={() => openPath(MY_BOOKINGS_PATH)}>
        我的预约
      </View>
      <View id='me-family' className='me__link' role='button' onClick={() => openPath(FAMILY_PATH)}>
        家人（为长辈预约）
      </View>
      <View id='me-messages' className='me__link' role='button' onClick={() => openPath(MESSAGES_PATH)}>
        消息
        {unread ? (
          <View className='me__badge' id='me-unread'>
            {unread} 条未读
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 我的志愿 for everyone signed in; workers also manage their 社区's activities. */
function VolunteerLinks({ role }: { role: User['role'] }) {
  return (
    <View className='card me__links' id='me-volunteer-links'>
      <View id='me-volunteering' className='me__link' role='button' onClick={() => openPath(MY_VOLUNTEERING_PATH)}>
        我的志愿（报名、时长、证明）
      </View>
      {role === 'worker' ? (
        <View id='me-volunteer-manage' className='me__link' role='button' onClick={() => openPath(VOLUNTEER_MANAGE_PATH)}>
          志愿活动管理
        </View>
      ) : null}
    </View>
  );
}

/** 我的评价 for residents; workers and providers handle 差评 (工单), appeals and figures; a city officer neither. */
function RatingLinks({ role }: { role: User['role'] }) {
  if (role === 'city') return null;
  return (
    <View className='card me__links' id='me-rating-links'>
      {role === 'resident' ? (
        <View id='me-ratings' className='me__link' role='button' onClick={() => openPath(ratingPagePaths.mine)}>
          我的评价（处理进度、追评）
        </View>
      ) : (
        <View id='me-work-orders' className='me__link' role='button' onClick={() => openPath(ratingPagePaths.workOrders)}>
          {role === 'provider' ? '本服务点的差评和申诉' : '差评处理（工单）'}
        </View>
      )}
    </View>
  );
}

/** 信息有误: residents follow their reports; workers handle them, check old entries and add points. */
function UpkeepLinks({ role }: { role: User['role'] }) {
  if (role !== 'resident' && role !== 'worker') return null;
  return (
    <View className='card me__links' id='me-upkeep-links'>
      {role === 'resident' ? (
        <View id='me-corrections' className='me__link' role='button' onClick={() => openPath(UPKEEP_PATHS.mine)}>
          我的反馈（服务点信息有误）
        </View>
      ) : (
        <>
          <View id='me-correction-queue' className='me__link' role='button' onClick={() => openPath(UPKEEP_PATHS.queue)}>
            纠错待办（居民反馈的信息有误）
          </View>
          <View id='me-stale-points' className='me__link' role='button' onClick={() => openPath(UPKEEP_PATHS.stale)}>
            待核实的服务点
          </View>
          <View id='me-new-point' className='me__link' role='button' onClick={() => openPath(UPKEEP_PATHS.create)}>
            新增服务点
          </View>
        </>
      )}
    </View>
  );
}

/** 规划监测 for 街道-level workers and city officers. */
function PlanningLink() {
  return (
    <View className='card me__links' id='me-planning-links'>
      <View id='me-planning' className='me__link' role='button' onClick={() => openPath(PLANNING_PATH)}>
        规划监测（各社区达标情况）
      </View>
    </View>
  );
}

export default function MePage() {
  const user = useSession((s) => s.user);

  return (
    <PageRoot className='me' tab='me'>
      {user ? (
        <View className='card' id='me-profile'>
          <View className='text-heading'>{user.displayName}</View>
          {user.maskedPhone ? <View className='me__row'>手机号：{user.maskedPhone}</View> : null}
          <View className='me__row'>身份：{roleLabel(user)}</View>
          <View className='me__row'>社区：{user.communityName ?? '未绑定社区'}</View>
        </View>
      ) : (
        <View className='card'>
          <View className='text-title'>您还没有登录</View>
          <View className='text-secondary me__row'>不登录也能浏览服务；预约、评价时需要登录。</View>
          <Button id='me-login' className='big-button' type='primary' size='large' block onClick={() => goToLogin(ME_PATH)}>
            登录
          </Button>
        </View>
      )}
      {user && seesPlanning(user) ? <PlanningLink /> : null}
      {user ? <CareLinks role={user.role} /> : null}
      {user ? <VolunteerLinks role={user.role} /> : null}
      {user ? <RatingLinks role={user.role} /> : null}
      {user ? <UpkeepLinks role={user.role} /> : null}
      <View className='card me__links'>
        {user ? (
          <View id='me-personal' className='me__link' role='button' onClick={() => openPath(PERSONAL_DATA_PATH)}>
            个人信息（查看、导出、更正、注销）
          </View>
        ) : null}
        <View id='me-settings' className='me__link' role='button' onClick={() => openPath(SETTINGS_PATH)}>
          设置（长辈版、隐私）
        </View>
        <View id='me-privacy' className='me__link' role='button' onClick={() => openPath(PRIVACY_PATH)}>
          隐私说明
        </View>
      </View>
      {user ? (
        <Button id='me-logout' className='big-button' size='large' block onClick={() => void signOut()}>
          退出登录
        </Button>
      ) : null}
    </PageRoot>
  );
}
