"""WeChat login: exchanging a mini-program ``wx.login`` code for the user's openid."""
