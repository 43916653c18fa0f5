package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.interfaces.http.ProviderSignOut;
import io.relaycast.interfaces.http.SingleSignOn;
import io.relaycast.interfaces.security.Roles;
import io.relaycast.interfaces.security.SignOut;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

/** Who is looking at a console page (the container's session cookie says so), for the page header. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    ProviderSignOut providerSignOut;

    @Inject
    SingleSignOn sso;

    @Inject
    SignOut signOut;

    private ExternalContext context() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public boolean isSignedIn() {
        return context().getUserPrincipal() != null;
    }

    public String getId() {
        Principal p = context().getUserPrincipal();
        return p == null ? null : p.getName();
    }

    public String getUrlId() {
        String id = getId();
        return id == null ? "" : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean isBroadcaster() {
        return isSignedIn() && CallerRoles.has(context()::isUserInRole, Roles.BROADCASTER);
    }

    /** "?next=<this page>" so that signing in comes back here; nothing on the sign-in page itself. */
    public String getSignInReturn() {
        String path = PagePathFilter.originalPath((HttpServletRequest) context().getRequest());
        if (path.equals("/signin") || path.equals("/")) {
            return "";
        }
        return "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /**
     * Ends the container session (SSO cookie and HTTP session) and goes to the discovery page; with
     * single sign-on, by way of the provider's sign-out, so that the next sign-in asks again.
     */
    public String signOut() throws ServletException, IOException {
        HttpServletRequest req = (HttpServletRequest) context().getRequest();
        boolean throughProvider = providerSignOut.callerCameThroughProvider();
        String idToken = throughProvider ? providerSignOut.idTokenOfCaller() : null;
        signOut.of(req);
        Optional<String> provider = throughProvider ? providerSignOut.url(idToken, sso.frontPage(req)) : Optional.empty();
        if (provider.isPresent()) {
            context().redirect(provider.get());
            FacesContext.getCurrentInstance().responseComplete();
            return null;
        }
        return "/index.xhtml?faces-redirect=true";
    }
}
