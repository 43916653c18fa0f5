package io.relaycast.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Guards the broadcaster console: anonymous callers sign in first, signed-in non-staff get a 403 page. */
@Named
@RequestScoped
public class ConsolePage {

    @Inject
    CurrentUser user;

    public void guard() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        if (!user.isSignedIn()) {
            context.redirect("/signin?next=%2Fconsole");
            FacesContext.getCurrentInstance().responseComplete();
        } else if (!user.isBroadcaster()) {
            context.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
