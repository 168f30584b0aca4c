import Taro from '@tarojs/taro';
import { BOOKING_TEMPLATE_ID, askForBookingUpdates } from './subscribe';

const taro = Taro as unknown as { requestSubscribeMessage?: jest.Mock };

afterEach(() => {
  process.env.TARO_ENV = 'h5';
  delete taro.requestSubscribeMessage;
});

describe('subscribe message at confirm', () => {
  it('on WeChat asks for the booking template, and a refusal does not stop the booking', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.requestSubscribeMessage = jest.fn().mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(askForBookingUpdates()).resolves.toBeUndefined();
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [BOOKING_TEMPLATE_ID], entityIds: [] });
    expect(BOOKING_TEMPLATE_ID).not.toBe('');
  });

  it('asks nothing in the browser', async () => {
    taro.requestSubscribeMessage = jest.fn();
    await askForBookingUpdates();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
