package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/** A colour-coded notice, or a diffusion to the listed ISO 3166 countries. */
public record RequestedAction(
        ActionKind kind,
        NoticeColour colour,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "diffusionCountry")
        List<String> diffusionCountries) {

    public RequestedAction {
        diffusionCountries = Lists.copy(diffusionCountries);
    }

    /** The colour, or DIFFUSION: the one word that names what is asked. */
    public String label() {
        return kind == ActionKind.DIFFUSION ? "DIFFUSION" : String.valueOf(colour);
    }
}
