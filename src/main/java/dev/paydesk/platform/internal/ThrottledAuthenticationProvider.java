package dev.paydesk.platform.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind {@link LoginThrottle}: a locked or waiting account or address is refused
 * before the password is even checked, a wrong password is counted, a right one clears the count.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final boolean passwordLogin;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, boolean passwordLogin) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.passwordLogin = passwordLogin;
    }

    /** The password was right, but this account (or the whole installation) signs in through single sign-on only. */
    static final class PasswordSignInOffException extends org.springframework.security.authentication.AccountStatusException {
        PasswordSignInOffException(String message) {
            super(message);
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            throw new LockedException("Too many failed sign-ins; try again in " + wait.get().toSeconds() + " s");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            if (!passwordLogin || (result.getPrincipal() instanceof UserAccount user && !user.passwordLogin())) {
                throw new PasswordSignInOffException("password sign-in is switched off; use single sign-on");
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
