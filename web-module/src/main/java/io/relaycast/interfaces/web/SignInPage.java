package io.relaycast.interfaces.web;

import io.relaycast.domain.model.shared.SameOriginPath;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import io.relaycast.interfaces.http.SingleSignOn;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sign-in page: where to go afterwards, only ever a path on this server (no open redirect). */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    SingleSignOn sso;

    /** With single sign-on configured, the page offers "Sign in with …" above the password form. */
    public boolean isSingleSignOn() {
        return sso.enabled();
    }

    public String getProviderName() {
        return sso.providerName();
    }

    /** The protected /sso page that Liberty's OpenID Connect client signs in for, returning here after. */
    public String getSingleSignOnHref() {
        String next = getNext();
        return "/sso/signin" + (next.isEmpty() ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** The requested {@code ?next=} if it is a safe same-origin path, else empty (the script picks a default). */
    public String getNext() {
        String next = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
        return next != null && !next.equals("/") && SameOriginPath.isSafe(next) ? next : "";
    }
}
