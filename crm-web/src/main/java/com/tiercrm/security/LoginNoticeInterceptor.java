package com.tiercrm.security;

import com.tiercrm.security.LoginThrottle.Failures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows once, on the first page rendered after a login, how many failed attempts there
 * were since the user's previous login and whether they locked the account.
 */
class LoginNoticeInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null
				&& session.getAttribute(LoginSuccessHandler.FAILURES_ATTRIBUTE) instanceof Failures failures) {
			session.removeAttribute(LoginSuccessHandler.FAILURES_ATTRIBUTE);
			modelAndView.addObject("loginNotice",
					new LoginNotice(failures.count(), failures.count() >= LoginThrottle.USERNAME_LOCK_FAILURES));
		}
	}

	/**
	 * Failed logins since the previous one.
	 *
	 * @param failures how many
	 * @param locked whether they locked the account
	 */
	record LoginNotice(int failures, boolean locked) {

	}

}
