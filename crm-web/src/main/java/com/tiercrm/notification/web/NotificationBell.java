package com.tiercrm.notification.web;

import com.tiercrm.notification.Notifications;
import com.tiercrm.security.CrmUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page the signed-in user's unread count for the bell in the
 * navigation: one indexed count per page. Without the notification service (web slices of
 * other pages) the bell is left out.
 */
@Configuration(proxyBeanMethods = false)
class NotificationBell implements WebMvcConfigurer {

	static final String ATTRIBUTE = "unreadNotifications";

	private final ObjectProvider<Notifications> notifications;

	NotificationBell(ObjectProvider<Notifications> notifications) {
		this.notifications = notifications;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable ModelAndView modelAndView) {
				addUnreadCount(modelAndView);
			}

		});
	}

	void addUnreadCount(@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Notifications service = this.notifications.getIfAvailable();
		if (service != null && authentication != null && authentication.getPrincipal() instanceof CrmUser user) {
			modelAndView.addObject(ATTRIBUTE, service.unread(user.id()));
		}
	}

}
