package jp.kenpo.privacy.accounts;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Spring Security's way into {@link SignInService#authenticateToken}: a request's bearer token. */
public final class ApiTokenSignIn implements AuthenticationProvider {

    /** A bearer token as a request presents it, not yet checked. Its toString never shows the token. */
    public static final class Presented extends AbstractAuthenticationToken {
        private final String token;

        public Presented(String token, String source) {
            super(List.of());
            this.token = token;
            setDetails(new SignInDetails(source, null));
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "(API token)";
        }

        @Override
        public String toString() {
            return "ApiToken[…]";
        }
    }

    private final SignInService signIns;

    public ApiTokenSignIn(SignInService signIns) {
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        var presented = (Presented) attempt;
        String source = ((SignInDetails) presented.getDetails()).source();
        SignInService.Result result = signIns.authenticateToken((String) presented.getCredentials(), source);
        if (result instanceof SignInService.Success ok) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    ok.signedIn(), null, ok.signedIn().authorities());
        }
        if (((SignInService.Refused) result).throttled()) {
            throw new PasswordSignIn.ThrottledException();
        }
        throw new BadCredentialsException("the API token is not valid");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Presented.class.isAssignableFrom(authentication);
    }
}
