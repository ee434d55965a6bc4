package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.media.Image;

/** The model of {@code newsroom/media.jte}: the latest images and the upload form with its errors. */
public record MediaPage(
        NewsroomLayout layout, List<Image> images, List<String> languages, Map<String, String> errors, Long uploaded) {}
