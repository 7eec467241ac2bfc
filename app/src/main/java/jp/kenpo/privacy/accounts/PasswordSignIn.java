package jp.kenpo.privacy.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Spring Security's way into {@link SignInService#signIn}: name, password and {@link SignInDetails}. */
public final class PasswordSignIn implements AuthenticationProvider {

    /** Refused because the address tried too often; the web layer answers 429. */
    public static final class ThrottledException extends AuthenticationException {
        public ThrottledException() {
            super("too many sign-in attempts; wait a minute");
        }
    }

    /** The right password with a code that was used already: the web layer says to wait for the next one. */
    public static final class CodeUsedAlreadyException extends AuthenticationException {
        public CodeUsedAlreadyException() {
            super("this code was used already; wait for the next code");
        }
    }

    private final SignInService signIns;

    public PasswordSignIn(SignInService signIns) {
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String source = "unknown";
        String code = null;
        if (attempt.getDetails() instanceof SignInDetails d) {
            source = d.source();
            code = d.code();
        }
        Object password = attempt.getCredentials();
        SignInService.Result result =
                signIns.signIn(attempt.getName(), password == null ? "" : password.toString(), code, source);
        if (result instanceof SignInService.Success ok) {
            var signedIn = ok.signedIn();
            var authenticated =
                    UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.authorities());
            authenticated.setDetails(new SignInDetails(source, null));
            return authenticated;
        }
        var refused = (SignInService.Refused) result;
        if (refused.throttled()) {
            throw new ThrottledException();
        }
        if (refused.codeUsedAlready()) {
            throw new CodeUsedAlreadyException();
        }
        throw new BadCredentialsException("sign-in failed");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
