package org.telco.device;

/**
 * The SMS texts of the binding service, in Chinese and English as the balance query answers: the
 * help, the confirmation to the paying phone and the activation to the device. Refusals carry their
 * own text ({@link BindingRefusal#reply()}). Short, so each fits in few segments.
 */
public final class BindingReplies {
  /** The reply to anything that is not a command. */
  public static final String HELP =
      "发送 BIND 设备号 绑定设备付费，UNBIND 设备号 解除绑定。"
          + "Send BIND <device id> to pay for a device with this number, UNBIND <device id> to stop.";

  private BindingReplies() {}

  /** To the paying phone, once the binding is active (or was already). */
  public static String bound(DeviceId deviceId) {
    return "设备 "
        + deviceId
        + " 已绑定本号码付费，发送 UNBIND "
        + deviceId
        + " 可解除。Device "
        + deviceId
        + " now charges this number; send UNBIND "
        + deviceId
        + " to stop.";
  }

  /** To the paying phone, once the binding ended. */
  public static String unbound(DeviceId deviceId) {
    return "设备 " + deviceId + " 已解除绑定。Device " + deviceId + " no longer charges this number.";
  }

  /**
   * To the device's data SIM, with the token it charges purchases with: the device agent reads the
   * token from the text after {@code TOKEN }; a person seeing it on the screen only needs the first
   * sentence.
   */
  public static String activation(DeviceId deviceId, BindingToken token) {
    return "Number-bound payment is active on " + deviceId + ". TOKEN " + token.value();
  }
}
