package io.relaycast.interfaces.web;

import io.relaycast.interfaces.security.Roles;
import io.relaycast.interfaces.security.SignOut;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/** Who is looking at a console page (the container's session cookie says so), for the page header. */
@Named
@RequestScoped
public class CurrentUser {

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
        return isSignedIn() && context().isUserInRole(Roles.BROADCASTER);
    }

    /** "?next=<this page>" so that signing in comes back here; nothing on the sign-in page itself. */
    public String getSignInReturn() {
        String path = PagePathFilter.originalPath((HttpServletRequest) context().getRequest());
        if (path.equals("/signin") || path.equals("/")) {
            return "";
        }
        return "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** Ends the container session (SSO cookie and HTTP session) and goes to the discovery page. */
    public String signOut() throws ServletException {
        SignOut.of((HttpServletRequest) context().getRequest());
        return "/index.xhtml?faces-redirect=true";
    }
}
