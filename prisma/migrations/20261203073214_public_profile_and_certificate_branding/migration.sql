-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "is_public" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "issuer_logo_id" UUID,
ADD COLUMN     "programme_logo_id" UUID,
ADD COLUMN     "signatory_name" TEXT,
ADD COLUMN     "signatory_position" TEXT,
ADD COLUMN     "signature_image_id" UUID;

-- CreateTable
CREATE TABLE "public_profiles" (
    "user_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "public_profiles_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "branding_images" (
    "id" UUID NOT NULL,
    "mime_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "branding_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_brandings" (
    "organization_id" UUID NOT NULL,
    "logo_id" UUID,
    "signatory_name" TEXT,
    "signatory_position" TEXT,
    "signature_image_id" UUID,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_brandings_pkey" PRIMARY KEY ("organization_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "public_profiles_slug_key" ON "public_profiles"("slug");

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_signature_image_id_fkey" FOREIGN KEY ("signature_image_id") REFERENCES "branding_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_issuer_logo_id_fkey" FOREIGN KEY ("issuer_logo_id") REFERENCES "branding_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_programme_logo_id_fkey" FOREIGN KEY ("programme_logo_id") REFERENCES "branding_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_profiles" ADD CONSTRAINT "public_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "branding_images" ADD CONSTRAINT "branding_images_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_logo_id_fkey" FOREIGN KEY ("logo_id") REFERENCES "branding_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_signature_image_id_fkey" FOREIGN KEY ("signature_image_id") REFERENCES "branding_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A profile's address: lowercase letters and digits in words joined by single hyphens, 3 to 40.
ALTER TABLE "public_profiles" ADD CONSTRAINT "public_profiles_slug_shape"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length("slug") BETWEEN 3 AND 40);

-- Only the kinds of picture a PDF embeds, and small ones (the API refuses larger before storing).
ALTER TABLE "branding_images" ADD CONSTRAINT "branding_images_type"
  CHECK ("mime_type" IN ('image/png', 'image/jpeg'));
ALTER TABLE "branding_images" ADD CONSTRAINT "branding_images_size"
  CHECK ("size" = octet_length("bytes") AND "size" BETWEEN 1 AND 1048576);

-- A signatory has a name and a position, or is not there; a signature belongs to a named signatory.
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_signatory_whole"
  CHECK (("signatory_name" IS NULL) = ("signatory_position" IS NULL)
    AND ("signature_image_id" IS NULL OR "signatory_name" IS NOT NULL));
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_signatory_whole"
  CHECK (("signatory_name" IS NULL) = ("signatory_position" IS NULL)
    AND ("signature_image_id" IS NULL OR "signatory_name" IS NOT NULL));

-- Certificates name the images they were issued with: an image, once stored, never changes.
CREATE FUNCTION kmg_branding_image_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a stored branding image cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "branding_images_are_final" BEFORE UPDATE OR DELETE ON "branding_images"
  FOR EACH ROW EXECUTE FUNCTION kmg_branding_image_is_final();

-- The branding a credential was issued with is part of its certificate: it never changes either.
CREATE FUNCTION kmg_credential_branding_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."signatory_name" IS DISTINCT FROM OLD."signatory_name"
    OR NEW."signatory_position" IS DISTINCT FROM OLD."signatory_position"
    OR NEW."signature_image_id" IS DISTINCT FROM OLD."signature_image_id"
    OR NEW."issuer_logo_id" IS DISTINCT FROM OLD."issuer_logo_id"
    OR NEW."programme_logo_id" IS DISTINCT FROM OLD."programme_logo_id" THEN
    RAISE EXCEPTION 'the branding of an issued credential cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "credentials_branding_is_final" BEFORE UPDATE ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION kmg_credential_branding_is_final();
