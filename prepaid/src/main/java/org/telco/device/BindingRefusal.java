package org.telco.device;

/**
 * Why a {@code BIND} or {@code UNBIND} changed nothing, each with the SMS reply that says so. The
 * reply names no other number: a refused phone learns that a device is bound elsewhere, never to
 * whom.
 */
public enum BindingRefusal {
  /** The phone is not this operator's subscriber. */
  PAYER_NOT_SUBSCRIBER("本号码不能绑定设备付费。This number cannot pay for devices: it is not our subscriber."),
  /** The phone's subscription is barred, suspended, ported out or closed. */
  PAYER_NOT_IN_SERVICE("本号码目前停机，不能绑定设备。This number is not in service; top up or resume it first."),
  /** The phone sent too many BIND messages in the last hour. */
  RATE_LIMITED("尝试次数过多，请一小时后再试。Too many attempts; try again in an hour."),
  /** No device has this id. */
  DEVICE_UNKNOWN("设备号不存在，请核对。No device has this id; check it on the screen."),
  /** The device already charges another number, which must unbind it first. */
  BOUND_TO_ANOTHER_NUMBER(
      "该设备已绑定其他号码，需先由该号码解除。This device is bound to another number; it must unbind first."),
  /** UNBIND for a device that is not bound. */
  NOT_BOUND("该设备未绑定。This device is not bound."),
  /** UNBIND from a phone that is not the device's payer. */
  NOT_THE_PAYER("只有付费号码可以解除绑定。Only the paying number can unbind this device.");

  private final String reply;

  BindingRefusal(String reply) {
    this.reply = reply;
  }

  /** The SMS reply to the phone. */
  public String reply() {
    return reply;
  }
}
